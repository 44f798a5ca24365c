package cn.qinglang.inspect.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private static final String VIEW_LOGIN = "security/login";

	private final SecurityProperties properties;

	LoginController(SecurityProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String showLogin(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String key = (failure instanceof LockedException) ? "login.locked"
					: (failure instanceof DisabledException) ? "login.disabled" : "login.failed";
			model.addAttribute("errorKey", key);
			model.addAttribute("lockMinutes", this.properties.lockout().duration().toMinutes());
		}
		return VIEW_LOGIN;
	}

}

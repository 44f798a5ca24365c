package cn.qinglang.inspect.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in user for the layout's navigation, which is drawn by role.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	PortalUser currentUser(@AuthenticationPrincipal PortalUser user) {
		return user;
	}

}

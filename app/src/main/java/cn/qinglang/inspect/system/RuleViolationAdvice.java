package cn.qinglang.inspect.system;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused action sends the user back to the page it came from, with the reason shown
 * there; nothing was changed.
 */
@ControllerAdvice
class RuleViolationAdvice {

	@ExceptionHandler(RuleViolation.class)
	String refused(RuleViolation violation, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", violation.messageKey());
		redirect.addFlashAttribute("problemArgs", violation.arguments());
		return "redirect:" + backTo(request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "evidence.requestTooLarge");
		return "redirect:" + backTo(request);
	}

	/** The referring page of this site, or home: never another site's address. */
	private static String backTo(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			URI uri = URI.create(referer);
			if (request.getServerName().equals(uri.getHost()) && uri.getRawPath() != null) {
				return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			}
		}
		return "/";
	}

}

package cn.qinglang.inspect.system;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one place where the domain's exceptions become answers of the web: a refused action
 * ({@link RuleViolation}) sends the user back to the page it came from, with the reason
 * shown there (nothing was changed); {@link NotFound} is a 404 page; a request over the
 * servlet's size limit is refused like a rule. Services throw these and never a web type.
 */
@ControllerAdvice
class DomainExceptionAdvice {

	@ExceptionHandler(NotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

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

package cn.qinglang.inspect.system;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout needs on every page: the link that switches the language while staying
 * on the same page with the same filters.
 */
@ControllerAdvice
class LayoutModelAdvice {

	@ModelAttribute("switchLanguageUrl")
	String switchLanguageUrl(Locale locale, HttpServletRequest request) {
		String target = Bilingual.isEnglish(locale) ? "zh_CN" : "en";
		// an error page is rendered on /error: switch on the page that was asked for
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (failedUri != null) ? failedUri.toString() : request.getRequestURI();
		String query = (failedUri != null) ? null : request.getQueryString();
		return UriComponentsBuilder.fromPath(path)
			.query(query)
			.replaceQueryParam(WebConfiguration.LANG_PARAM, target)
			.build()
			.toUriString();
	}

	/**
	 * The current URL with its filters and an empty {@code page} parameter last, so that
	 * pager links are this plus a number and a filtered view stays bookmarkable.
	 */
	@ModelAttribute("pageLinkBase")
	String pageLinkBase(HttpServletRequest request) {
		String base = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("page")
			.build()
			.toUriString();
		return base + (base.contains("?") ? "&" : "?") + "page=";
	}

}

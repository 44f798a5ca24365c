package cn.qinglang.inspect.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * MockMvc tests hold a signed-in session as a {@link HttpSession} ({@code SignIn.as},
 * then {@code .session(session)}), but the portal's sessions live in the database, found
 * by their cookie (Spring Session). For a MockMvc request only, this filter (before
 * Spring Session's) carries the session cookie in that object: it sends the cookie kept
 * there with the request, and keeps the cookie the answer sets (or forgets it when the
 * answer expires it). Requests over real HTTP pass untouched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessionCookies {

	private static final String COOKIE = PortalClient.SESSION_COOKIE;

	private static final String KEPT = MockMvcSessionCookies.class.getName() + ".cookie";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> mockMvcSessionCookieFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Carrier());
		registration.setOrder(Integer.MIN_VALUE);
		return registration;
	}

	static class Carrier extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			MockHttpServletRequest mock = WebUtils.getNativeRequest(request, MockHttpServletRequest.class);
			if (mock == null) {
				chain.doFilter(request, response);
				return;
			}
			HttpSession held = mock.getSession(false);
			String kept = (held != null) ? (String) held.getAttribute(KEPT) : null;
			chain.doFilter((kept != null) ? withCookie(request, kept) : request, response);
			MockHttpServletResponse answer = WebUtils.getNativeResponse(response, MockHttpServletResponse.class);
			Cookie set = (answer != null) ? answer.getCookie(COOKIE) : null;
			if (set != null) {
				if (set.getMaxAge() == 0) {
					if (held != null) {
						held.removeAttribute(KEPT);
					}
				}
				else {
					mock.getSession(true).setAttribute(KEPT, set.getValue());
				}
			}
		}

		private static HttpServletRequest withCookie(HttpServletRequest request, String value) {
			return new HttpServletRequestWrapper(request) {
				@Override
				public Cookie[] getCookies() {
					Cookie[] cookies = super.getCookies();
					List<Cookie> all = new ArrayList<>((cookies != null) ? Arrays.asList(cookies) : List.of());
					all.removeIf((cookie) -> cookie.getName().equals(COOKIE));
					all.add(new Cookie(COOKIE, value));
					return all.toArray(Cookie[]::new);
				}
			};
		}

	}

}

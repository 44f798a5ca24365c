package cn.qinglang.inspect.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did something, in which role and from which address; carried by a domain event so
 * that whoever listens to it, now or after a restart, records the same actor.
 *
 * @param name the user name, or null
 * @param role the role without its {@code ROLE_} prefix, or null
 * @param remoteAddr the address of the request, or null outside a request
 */
public record Actor(String name, String role, String remoteAddr) {

	private static final String ROLE_PREFIX = "ROLE_";

	/** The signed-in user of the current thread, from the current request's address. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String name = (authentication != null) ? authentication.getName() : null;
		String role = (authentication != null) ? roleOf(authentication) : null;
		return new Actor(name, role, currentRemoteAddress());
	}

	private static String roleOf(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.findFirst()
			.orElse(null);
	}

	private static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}

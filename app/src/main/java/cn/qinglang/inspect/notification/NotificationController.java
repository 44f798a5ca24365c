package cn.qinglang.inspect.notification;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import cn.qinglang.inspect.security.PortalUser;

/**
 * Each user's notifications, and the outbox of mail for administrators.
 */
@Controller
class NotificationController {

	private final Notifications notifications;

	private final MailOutbox outbox;

	private final Clock clock;

	NotificationController(Notifications notifications, MailOutbox outbox, Clock clock) {
		this.clock = clock;
		this.notifications = notifications;
		this.outbox = outbox;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("notifications", this.notifications.latest(user.id(), 200));
		return "notification/list";
	}

	@PostMapping("/notifications/read")
	String markAllRead(@AuthenticationPrincipal PortalUser user) {
		this.notifications.markAllRead(user.id(), Instant.now(this.clock));
		return "redirect:/notifications";
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		model.addAttribute("mails", this.outbox.latest(200));
		return "notification/outbox";
	}

	/** The unread count in the navigation of every page. */
	@ControllerAdvice
	static class UnreadCountAdvice {

		private final Notifications notifications;

		UnreadCountAdvice(Notifications notifications) {
			this.notifications = notifications;
		}

		@ModelAttribute("unreadNotifications")
		Long unread(@AuthenticationPrincipal PortalUser user) {
			return (user != null) ? this.notifications.unreadCount(user.id()) : null;
		}

	}

}

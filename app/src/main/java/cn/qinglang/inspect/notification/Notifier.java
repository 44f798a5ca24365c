package cn.qinglang.inspect.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.rectification.RectificationEvents.EvidenceSubmitted;
import cn.qinglang.inspect.rectification.RectificationEvents.OrderClosed;
import cn.qinglang.inspect.rectification.RectificationEvents.OrderIssued;
import cn.qinglang.inspect.rectification.RectificationEvents.SubmissionReviewed;

/**
 * Turns what happens to orders into notifications and mail. Listens after the change's
 * commit, in a transaction of its own, through Spring Modulith's JDBC event publication
 * registry: a publication not completed when the process died is run again at the next
 * start; each notification has a key made of the event's identity (order, submission,
 * kind), so that running an event again tells nobody twice, and its mail is queued in the
 * same transaction as the notification.
 */
@Service
class Notifier {

	private final Notifications notifications;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	Notifier(Notifications notifications, MailOutbox outbox, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.notifications = notifications;
		this.outbox = outbox;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void orderIssued(OrderIssued event) {
		toEnterprise(event.enterpriseId(), event.orderId(), "ORDER_ISSUED", "issued",
				List.of(event.number(), event.deadline().toString()));
	}

	@ApplicationModuleListener
	void evidenceSubmitted(EvidenceSubmitted event) {
		for (Notifications.Recipient inspector : this.notifications.byUsername(event.issuedBy())) {
			tell(inspector, event.orderId(), "EVIDENCE_SUBMITTED", "evidence:" + event.submissionId(),
					List.of(event.number(), event.measureTitle()));
		}
	}

	@ApplicationModuleListener
	void submissionReviewed(SubmissionReviewed event) {
		toEnterprise(event.enterpriseId(), event.orderId(), "SUBMISSION_" + event.outcome().name(),
				"review:" + event.submissionId(), List.of(event.number(), event.measureTitle()));
	}

	@ApplicationModuleListener
	void orderClosed(OrderClosed event) {
		toEnterprise(event.enterpriseId(), event.orderId(), "ORDER_CLOSED", "closed", List.of(event.number()));
	}

	/** Tells every platform user of an enterprise once per order and key. */
	int toEnterprise(long enterpriseId, long orderId, String kind, String key, List<String> arguments) {
		int told = 0;
		for (Notifications.Recipient recipient : this.notifications.platformUsersOf(enterpriseId)) {
			if (tell(recipient, orderId, kind, "order:" + orderId + ":" + key, arguments)) {
				told++;
			}
		}
		return told;
	}

	private boolean tell(Notifications.Recipient recipient, long orderId, String kind, String key,
			List<String> arguments) {
		boolean added = this.notifications.add(recipient.userId(), orderId, kind, key, arguments,
				Instant.now(this.clock));
		if (added && StringUtils.hasText(recipient.email())) {
			// mail is written in the official language, whatever the portal shows
			String text = this.messages.getMessage("notification.kind." + kind, arguments.toArray(),
					Locale.SIMPLIFIED_CHINESE);
			this.outbox.queue(recipient.email(), this.messages.getMessage("notification.mail.subject",
					new Object[] { text }, Locale.SIMPLIFIED_CHINESE), text);
		}
		return added;
	}

}

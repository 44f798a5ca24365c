package cn.qinglang.inspect.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.rectification.Orders;
import cn.qinglang.inspect.rectification.RectificationOrder;
import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * The daily reminder: the enterprise's users are told 7, 3 and 1 days before a deadline
 * and once it has passed. Each reminder is sent once, so a missed day catches up with the
 * nearest one and a second run the same day tells nobody again.
 */
@RetryOnConflict
@Component
class DeadlineReminders {

	private final Orders orders;

	private final Notifier notifier;

	private final Clock clock;

	DeadlineReminders(Orders orders, Notifier notifier, Clock clock) {
		this.orders = orders;
		this.notifier = notifier;
		this.clock = clock;
	}

	@Scheduled(cron = "${qinglang.reminders.cron:0 0 8 * * *}", zone = "${qinglang.portal.display-zone}")
	// held at least 10 minutes: a node whose clock is a little behind must not send the
	// day again
	@SchedulerLock(name = "deadline-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
	void daily() {
		run(LocalDate.now(this.clock));
	}

	/** Sends the reminders due on a day; returns how many people were told. */
	@Transactional
	public int run(LocalDate today) {
		int told = 0;
		for (RectificationOrder order : this.orders.allOpen()) {
			String kind = reminderFor(order.daysLeft(today));
			if (kind != null) {
				told += this.notifier.toEnterprise(order.enterpriseId(), order.id(), kind,
						kind + ":" + order.deadline(), List.of(order.number(), order.deadline().toString()));
			}
		}
		return told;
	}

	/** The nearest threshold reached, or null before the first. */
	static String reminderFor(long daysLeft) {
		if (daysLeft < 0) {
			return "DEADLINE_PASSED";
		}
		if (daysLeft <= 1) {
			return "DEADLINE_IN_1";
		}
		if (daysLeft <= 3) {
			return "DEADLINE_IN_3";
		}
		return (daysLeft <= 7) ? "DEADLINE_IN_7" : null;
	}

}

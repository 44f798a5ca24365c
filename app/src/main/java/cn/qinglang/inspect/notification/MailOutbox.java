package cn.qinglang.inspect.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;

import cn.qinglang.inspect.system.Times;

/**
 * Mail goes through an outbox table: written with the change that causes it, sent by SMTP
 * after commit when a mail server is configured ({@code spring.mail.host}); without one
 * (the demo) it stays in the outbox, shown on its page.
 */
@Service
class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.sender = sender;
	}

	void queue(String to, String subject, String body) {
		this.jdbc.sql("""
				INSERT INTO mail_outbox (to_address, subject, body, created_at) VALUES (:to, :subject, :body, :at)""")
			.param("to", to)
			.param("subject", subject)
			.param("body", body)
			.param("at", Times.toDb(Instant.now(this.clock)))
			.update();
	}

	List<OutboxMail> latest(int limit) {
		return this.jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> new OutboxMail(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
					rs.getString("body"), Times.fromDb(rs.getObject("created_at", LocalDateTime.class)),
					Times.fromDb(rs.getObject("sent_at", LocalDateTime.class)), rs.getString("failure")))
			.list();
	}

	private static String abbreviate(String text) {
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	/** Sends what is waiting, when there is a mail server. */
	@Scheduled(fixedDelayString = "${qinglang.mail.send-interval:PT1M}")
	@SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT30M")
	void sendWaiting() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return;
		}
		for (OutboxMail waiting : this.jdbc
			.sql("SELECT * FROM mail_outbox WHERE sent_at IS NULL AND failure IS NULL LIMIT 100")
			.query((rs, row) -> new OutboxMail(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
					rs.getString("body"), null, null, null))
			.list()) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setTo(waiting.to());
			message.setSubject(waiting.subject());
			message.setText(waiting.body());
			try {
				mail.send(message);
				this.jdbc.sql("UPDATE mail_outbox SET sent_at = :at WHERE id = :id")
					.param("at", Times.toDb(Instant.now(this.clock)))
					.param("id", waiting.id())
					.update();
			}
			catch (MailException ex) {
				log.warn("Mail {} to {} not sent: {}", waiting.id(), waiting.to(), ex.getMessage());
				this.jdbc.sql("UPDATE mail_outbox SET failure = :failure WHERE id = :id")
					.param("failure", abbreviate(String.valueOf(ex.getMessage())))
					.param("id", waiting.id())
					.update();
			}
		}
	}

}

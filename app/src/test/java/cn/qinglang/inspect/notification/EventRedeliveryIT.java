package cn.qinglang.inspect.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.inspect.audit.Actor;
import cn.qinglang.inspect.rectification.RectificationEvents.OrderClosed;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A domain event survives the death of its process and is handled once: its publication
 * to the notification listener is written in the change's transaction and deleted when
 * the listener has run. The test leaves in the table exactly what a process that died
 * between the commit and the listener leaves (the row written in the transaction),
 * resubmits it as a start does, and counts the notifications.
 */
@PortalTest
class EventRedeliveryIT {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Test
	void anEventLeftIncompleteIsHandledAtTheNextStartAndOnlyOnce() {
		Map<String, Object> order = this.jdbc.sql("""
				SELECT o.id, o.enterprise_id, o.number FROM rectification_order o
				WHERE EXISTS (SELECT 1 FROM app_user u WHERE u.enterprise_id = o.enterprise_id AND u.role = 'PLATFORM')
				ORDER BY o.id LIMIT 1""").query().singleRow();
		long orderId = ((Number) order.get("id")).longValue();
		OrderClosed closed = new OrderClosed(orderId, ((Number) order.get("enterprise_id")).longValue(),
				(String) order.get("number"), new Actor("inspector", "INSPECTOR", "127.0.0.1"), Instant.now());

		// the change's transaction: the publication is written beside the change
		List<Map<String, Object>> written = this.transactions.execute((status) -> {
			this.events.publishEvent(closed);
			return this.jdbc.sql("SELECT * FROM EVENT_PUBLICATION WHERE EVENT_TYPE = :type")
				.param("type", OrderClosed.class.getName())
				.query()
				.listOfRows();
		});
		assertThat(written).hasSize(1);
		assertThat(written.get(0).get("LISTENER_ID").toString()).contains("Notifier.orderClosed");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(closedNotifications(orderId)).isPositive());
		long told = closedNotifications(orderId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications()).isZero());

		// the process died after the commit, before the listener ran: the row is there,
		// the
		// notifications are not
		this.jdbc.sql("DELETE FROM notification WHERE order_id = :o AND kind = 'ORDER_CLOSED'")
			.param("o", orderId)
			.update();
		leaveIncomplete(written.get(0));
		this.incomplete.resubmitIncompletePublications((publication) -> true);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications()).isZero());
		assertThat(closedNotifications(orderId)).isEqualTo(told);

		// the listener ran but the process died before the publication was completed: run
		// again, it tells nobody twice
		leaveIncomplete(written.get(0));
		this.incomplete.resubmitIncompletePublications((publication) -> true);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications()).isZero());
		assertThat(closedNotifications(orderId)).isEqualTo(told);
	}

	private void leaveIncomplete(Map<String, Object> row) {
		this.jdbc.sql("""
				INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE, STATUS,
				  COMPLETION_ATTEMPTS)
				VALUES (:id, :listener, :type, :event, :published, :status, :attempts)""")
			.param("id", row.get("ID"))
			.param("listener", row.get("LISTENER_ID"))
			.param("type", row.get("EVENT_TYPE"))
			.param("event", row.get("SERIALIZED_EVENT"))
			.param("published", row.get("PUBLICATION_DATE"))
			.param("status", row.get("STATUS"))
			.param("attempts", row.get("COMPLETION_ATTEMPTS"))
			.update();
	}

	private long publications() {
		return this.jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE = :type")
			.param("type", OrderClosed.class.getName())
			.query(Long.class)
			.single();
	}

	private long closedNotifications(long orderId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE order_id = :o AND kind = 'ORDER_CLOSED'")
			.param("o", orderId)
			.query(Long.class)
			.single();
	}

}

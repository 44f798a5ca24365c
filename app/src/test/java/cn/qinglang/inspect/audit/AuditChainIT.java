package cn.qinglang.inspect.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The audit log is append-only and hash-chained: the database refuses changes, and a
 * change made around it (by someone with the rights to drop the triggers) is found by the
 * verifier.
 */
@PortalTest
class AuditChainIT {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void someEntries() {
		for (int i = 0; i < 3; i++) {
			this.auditLog.recordAs("chain-test", "ADMIN", "10.0.0.1",
					AuditEvent.change("CHAIN_TEST", "enterprise", i, Map.of("name", "旧名称"), Map.of("name", "新名称")));
		}
	}

	@Test
	void untouchedChainVerifies() {
		AuditVerification result = this.verifier.verify();

		assertThat(result.intact()).isTrue();
		assertThat(result.checked()).isEqualTo(lastId());
	}

	@Test
	void databaseRefusesToChangeOrDeleteEntries() {
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_log SET actor = 'someone' WHERE id = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_log WHERE id = 1").update())
			.hasMessageContaining("append-only");
	}

	@Test
	void alteredEntryIsDetected() {
		long target = lastId() - 1;
		withTriggersDropped(() -> {
			String original = this.jdbc.sql("SELECT detail FROM audit_log WHERE id = :id")
				.param("id", target)
				.query(String.class)
				.single();
			this.jdbc.sql("UPDATE audit_log SET detail = REPLACE(detail, '新名称', '伪造') WHERE id = :id")
				.param("id", target)
				.update();

			AuditVerification result = this.verifier.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAtId()).isEqualTo(target);
			assertThat(result.problem()).isEqualTo("audit.verify.altered");
			this.jdbc.sql("UPDATE audit_log SET detail = :original WHERE id = :id")
				.param("original", original)
				.param("id", target)
				.update();
		});
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void removedEntryIsDetected() {
		long target = lastId() - 1;
		withTriggersDropped(() -> {
			Map<String, Object> row = this.jdbc.sql("SELECT * FROM audit_log WHERE id = :id")
				.param("id", target)
				.query()
				.singleRow();
			this.jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", target).update();

			AuditVerification result = this.verifier.verify();

			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAtId()).isEqualTo(target);
			assertThat(result.problem()).isEqualTo("audit.verify.missing");
			this.jdbc.sql("""
					INSERT INTO audit_log (id, occurred_at, actor, actor_role, remote_addr, action, target_type,
					  target_id, detail, prev_hash, hash)
					VALUES (:id, :occurred_at, :actor, :actor_role, :remote_addr, :action, :target_type,
					  :target_id, :detail, :prev_hash, :hash)""").params(row).update();
		});
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	@Test
	void auditorVerifiesFromThePortal() throws Exception {
		MockHttpSession auditor = SignIn.as(this.mvc, "auditor");

		AuditVerification shown = (AuditVerification) this.mvc
			.perform(post("/audit/verify").session(auditor).with(csrf()))
			.andReturn()
			.getFlashMap()
			.get("verification");

		assertThat(shown.intact()).isTrue();
		this.mvc.perform(get("/audit").param("action", "CHAIN_TEST").session(auditor))
			.andExpect(content().string(containsString("chain-test")))
			.andExpect(content().string(containsString("新名称")));
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE actor = 'auditor' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("AUDIT_CHAIN_VERIFIED");
		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = 'AUDIT_CHAIN_VERIFIED' ORDER BY id DESC LIMIT 1""")
			.query(String.class)
			.single()).contains("\"checked\":" + shown.checked());
	}

	@Test
	void timesAreStoredInUtc() {
		Instant before = Instant.now();
		this.auditLog.recordAs("clock-test", null, null, AuditEvent.of("CLOCK_TEST", "none", 0));

		LocalDateTime stored = this.jdbc
			.sql("SELECT occurred_at FROM audit_log WHERE actor = 'clock-test' ORDER BY id DESC LIMIT 1")
			.query(LocalDateTime.class)
			.single();

		assertThat(stored.toInstant(ZoneOffset.UTC)).isCloseTo(before, within(5, ChronoUnit.SECONDS));
	}

	private long lastId() {
		return this.jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
	}

	/**
	 * What a database administrator could do: the triggers go, and come back as they
	 * were.
	 */
	private void withTriggersDropped(Runnable tampering) {
		String onUpdate = triggerDefinition("audit_log_no_update");
		String onDelete = triggerDefinition("audit_log_no_delete");
		this.jdbc.sql("DROP TRIGGER audit_log_no_update").update();
		this.jdbc.sql("DROP TRIGGER audit_log_no_delete").update();
		try {
			tampering.run();
		}
		finally {
			this.jdbc.sql(onUpdate).update();
			this.jdbc.sql(onDelete).update();
		}
	}

	private String triggerDefinition(String name) {
		return this.jdbc.sql("SHOW CREATE TRIGGER " + name)
			.query((rs, row) -> rs.getString("SQL Original Statement"))
			.single()
			// the embedded server runs without grant tables: its definer is empty
			.replaceFirst("DEFINER=\\S+\\s", "");
	}

}

package cn.qinglang.db;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server runs with its grant tables: a local user without the password in
 * the data folder cannot connect under any name; the portal, with it, can.
 */
@SpringBootTest(classes = ChangelogTests.TestApplication.class)
class EmbeddedAccountTests {

	@Autowired
	EmbeddedMariaDb db;

	@Test
	void rootWithoutAPasswordIsRefused() {
		assertRefused("root", "");
	}

	@Test
	void anyOtherNameWithoutAPasswordIsRefused() {
		assertRefused("nobody-" + System.nanoTime(), "");
		assertRefused("", "");
	}

	@Test
	void thePortalsAccountWithoutItsPasswordIsRefused() {
		assertRefused(this.db.username(), "");
		assertRefused(this.db.username(), "qinglang");
	}

	@Test
	void thePortalsAccountWithItsPasswordReadsTheSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.db.jdbcUrl(), this.db.username(),
				this.db.password());
				ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM enterprise")) {
			rows.next();
			assertThat(rows.getInt(1)).isPositive();
		}
	}

	@Test
	void thePasswordFileIsReadableByThePortalsUserOnly() throws Exception {
		var file = this.db.dataDir().resolve(PortalAccount.PASSWORD_FILE);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file).trim()).isEqualTo(this.db.password()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(this.db.dataDir().resolve("portal-account.sql")).doesNotExist();
	}

	private void assertRefused(String user, String password) {
		assertThatThrownBy(() -> DriverManager.getConnection(this.db.jdbcUrl(), user, password).close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("Access denied");
	}

}

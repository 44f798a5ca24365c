package cn.qinglang.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's one account, {@value #USER}: its password is generated at the
 * first start and kept in the data folder in a file only the portal's user can read
 * ({@code 0600}). The server runs with its grant tables, so a local user without that
 * file cannot connect, under any name.
 *
 * <p>
 * The account is set at every start through {@code --init-file}, which the server runs
 * with full rights before it accepts connections: a data folder of an older version (made
 * to run with {@code --skip-grant-tables}) gets the account at its first start with this
 * version, and the anonymous accounts that {@code mariadb-install-db} creates are
 * removed.
 */
final class PortalAccount {

	static final String USER = "qinglang";

	static final String PASSWORD_FILE = "portal.password";

	private static final String INIT_FILE = "portal-account.sql";

	private final String password;

	private final Path initFile;

	private PortalAccount(String password, Path initFile) {
		this.password = password;
		this.initFile = initFile;
	}

	/** The account of {@code dataDir}, its password made and stored on first use. */
	static PortalAccount of(Path dataDir) {
		Path file = dataDir.resolve(PASSWORD_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[24];
				new SecureRandom().nextBytes(random);
				writePrivately(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
			}
			String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
			if (!password.matches("[A-Za-z0-9_-]{16,}")) {
				throw new IllegalStateException(file + " does not hold a password made by the portal; "
						+ "delete it to have a new one made at the next start");
			}
			return new PortalAccount(password, dataDir.resolve(INIT_FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write " + file, ex);
		}
	}

	String password() {
		return this.password;
	}

	/**
	 * Writes the statements that set the account, for {@code --init-file}; one statement
	 * a line, as the server reads that file.
	 */
	Path writeInitFile() {
		String sql = String.join("\n", "DELETE FROM mysql.global_priv WHERE User = '';",
				"DELETE FROM mysql.db WHERE User = '';",
				// proxy rights of root at the host name, which the server ignores with
				// --skip-name-resolve (a warning at every start)
				"DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';", "FLUSH PRIVILEGES;", account("127.0.0.1"),
				account("localhost"), "");
		try {
			writePrivately(this.initFile, sql);
			return this.initFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.initFile, ex);
		}
	}

	/** Once the server has read it, the file with the password in clear goes. */
	void deleteInitFile() {
		try {
			Files.deleteIfExists(this.initFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + this.initFile, ex);
		}
	}

	private String account(String host) {
		String user = "'" + USER + "'@'" + host + "'";
		return String.join("\n", "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + this.password + "';",
				"ALTER USER " + user + " IDENTIFIED BY '" + this.password + "';",
				"GRANT ALL PRIVILEGES ON *.* TO " + user + " WITH GRANT OPTION;");
	}

	/**
	 * Creates the file readable by its owner only from the start (no moment in which
	 * others could open it), then moves it into place.
	 */
	private static void writePrivately(Path file, String content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.deleteIfExists(partial);
		try {
			Files.createFile(partial,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(partial);
		}
		catch (FileAlreadyExistsException ex) {
			throw new IOException("Another process is writing " + file, ex);
		}
		Files.writeString(partial, content, StandardCharsets.US_ASCII);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}

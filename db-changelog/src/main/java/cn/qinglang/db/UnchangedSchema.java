package cn.qinglang.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Skips Liquibase at a start whose changelog the database already has: every start used
 * to spend about three seconds parsing the changelog and comparing the checksums of
 * change sets that had all run before. The fingerprint covers every file under the
 * changelog's folder (the master and all it can include), the contexts and the labels; it
 * is recorded after a successful update with the number of change sets then in
 * {@code DATABASECHANGELOG}. A start skips the update only when both match, so a new or
 * edited change set, other contexts, a fresh database or a changelog table changed by
 * hand all run Liquibase as before (with its own lock, whatever the number of portal
 * nodes).
 */
class UnchangedSchema implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(UnchangedSchema.class);

	private final ResourceLoader resourceLoader;

	/**
	 * Liquibase's own switch ({@code spring.liquibase.enabled}): off, nothing is
	 * recorded.
	 */
	private final boolean enabled;

	private final Set<String> skipped = ConcurrentHashMap.newKeySet();

	UnchangedSchema(ResourceLoader resourceLoader, boolean enabled) {
		this.resourceLoader = resourceLoader;
		this.enabled = enabled;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (this.enabled && bean instanceof SpringLiquibase liquibase) {
			String fingerprint = fingerprint(liquibase);
			if (fingerprint.equals(recorded(liquibase.getDataSource()))) {
				logger.info("The database has this changelog already (fingerprint " + fingerprint.substring(0, 12)
						+ "): Liquibase's update skipped");
				liquibase.setShouldRun(false);
				this.skipped.add(beanName);
			}
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.enabled && bean instanceof SpringLiquibase liquibase && !this.skipped.contains(beanName)) {
			record(liquibase.getDataSource(), fingerprint(liquibase));
		}
		return bean;
	}

	/**
	 * SHA-256 over the changelog folder's files (by path), the contexts and the labels.
	 */
	String fingerprint(SpringLiquibase liquibase) {
		String changeLog = liquibase.getChangeLog();
		String folder = changeLog.substring(0, changeLog.lastIndexOf('/') + 1);
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			update(digest, changeLog);
			update(digest, Objects.toString(liquibase.getContexts(), ""));
			update(digest, Objects.toString(liquibase.getLabelFilter(), ""));
			String relativeFolder = folder.replaceFirst("^classpath\\*?:", "");
			Resource[] files = new PathMatchingResourcePatternResolver(this.resourceLoader)
				.getResources(folder + "**/*");
			Arrays.sort(files, Comparator.comparing(UnchangedSchema::path));
			for (Resource file : files) {
				if (file.isReadable()) {
					String path = path(file);
					update(digest, path.substring(Math.max(0, path.lastIndexOf(relativeFolder))));
					try (InputStream in = file.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the changelog under " + folder, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String path(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	/**
	 * The fingerprint the database records, or {@code null} when it has none or its
	 * changelog table no longer holds the change sets counted then.
	 */
	private static String recorded(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String fingerprint;
			int changeSets;
			try (ResultSet row = statement.executeQuery("SELECT fingerprint, change_sets FROM schema_fingerprint")) {
				if (!row.next()) {
					return null;
				}
				fingerprint = row.getString(1);
				changeSets = row.getInt(2);
			}
			return (changeSets == changeSets(statement)) ? fingerprint : null;
		}
		catch (SQLException ex) {
			// a fresh database: no fingerprint table yet
			return null;
		}
	}

	private static int changeSets(Statement statement) throws SQLException {
		try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
			count.next();
			return count.getInt(1);
		}
	}

	private static void record(DataSource dataSource, String fingerprint) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			int changeSets = changeSets(statement);
			try (PreparedStatement upsert = connection.prepareStatement("""
					INSERT INTO schema_fingerprint (id, fingerprint, change_sets, updated_at)
					VALUES (1, ?, ?, UTC_TIMESTAMP(6))
					ON DUPLICATE KEY UPDATE fingerprint = VALUE(fingerprint), change_sets = VALUE(change_sets),
					updated_at = VALUE(updated_at)""")) {
				upsert.setString(1, fingerprint);
				upsert.setInt(2, changeSets);
				upsert.executeUpdate();
			}
		}
		catch (SQLException ex) {
			// the next start runs Liquibase again: slower, never wrong
			logger.warn("Cannot record the changelog's fingerprint: " + ex.getMessage());
		}
	}

}

package cn.qinglang.db;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stand-in for the portal in a JVM of its own, for {@link EmbeddedMariaDbIT}: starts
 * the embedded database as the portal does (auto-configuration, a data folder kept across
 * starts), adds rows to a table, prints how many it holds, then either stops cleanly and
 * exits ({@code exit}) or waits to be killed ({@code hold}).
 *
 * <p>
 * {@code PortalProcess DATA_DIR BASE_DIR exit|hold FIRST_ID LAST_ID}
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PortalProcess {

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext context = SpringApplication.run(PortalProcess.class,
				"--qinglang.db.embedded.data-dir=" + args[0], "--qinglang.db.embedded.base-dir=" + args[1],
				"--qinglang.db.embedded.throwaway=false", "--spring.liquibase.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.cn.qinglang=INFO");
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		jdbc.execute("CREATE TABLE IF NOT EXISTS kept (id INT PRIMARY KEY)");
		int first = Integer.parseInt(args[3]);
		int last = Integer.parseInt(args[4]);
		for (int id = first; id <= last; id++) {
			jdbc.update("INSERT INTO kept (id) VALUES (?)", id);
		}
		System.out.println("rows=" + jdbc.queryForObject("SELECT COUNT(*) FROM kept", Integer.class) + " ids="
				+ Arrays.toString(jdbc.queryForList("SELECT id FROM kept ORDER BY id", Integer.class).toArray()));
		if (args[2].equals("hold")) {
			System.out.println("holding");
			Thread.sleep(Long.MAX_VALUE);
		}
		context.close();
	}

}

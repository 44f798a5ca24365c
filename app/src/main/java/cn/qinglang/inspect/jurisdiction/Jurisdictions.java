package cn.qinglang.inspect.jurisdiction;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the tree; it changes only with a new changelog.
 */
@Repository
public class Jurisdictions {

	private final JdbcClient jdbc;

	Jurisdictions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The whole tree, parents before children. */
	public List<Jurisdiction> all() {
		return this.jdbc.sql("SELECT * FROM jurisdiction ORDER BY path").query(Jurisdiction.class).list();
	}

	/** The subtree under a path (itself included). */
	public List<Jurisdiction> within(String path) {
		return this.jdbc.sql("SELECT * FROM jurisdiction WHERE path LIKE CONCAT(:path, '%') ORDER BY path")
			.param("path", path)
			.query(Jurisdiction.class)
			.list();
	}

	public Optional<Jurisdiction> find(String code) {
		return this.jdbc.sql("SELECT * FROM jurisdiction WHERE code = :code")
			.param("code", code)
			.query(Jurisdiction.class)
			.optional();
	}

}

package cn.qinglang.inspect.jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers of an office's official documents, per kind and year, in the form
 * {@code 京网信整改〔2026〕5号}: the office's prefix, the kind's word, the year and the next
 * number of the sequence. The sequence row is locked until the caller's transaction ends,
 * so two issuers wait in turn and no number is given twice; a rolled-back issue gives its
 * number back.
 */
@Service
public class DocumentNumbers {

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the next number.
	 * @param kind the sequence, e.g. {@code ORDER}
	 * @param word the kind's word in the number, e.g. {@code 整改}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DocumentNumber next(Jurisdiction office, String kind, String word, int year) {
		this.jdbc.sql("""
				INSERT INTO document_number_sequence (kind, jurisdiction_code, doc_year, last_value)
				VALUES (:kind, :j, :y, 1)
				ON DUPLICATE KEY UPDATE last_value = last_value + 1""")
			.param("kind", kind)
			.param("j", office.code())
			.param("y", year)
			.update();
		int sequence = this.jdbc.sql("""
				SELECT last_value FROM document_number_sequence
				WHERE kind = :kind AND jurisdiction_code = :j AND doc_year = :y""")
			.param("kind", kind)
			.param("j", office.code())
			.param("y", year)
			.query(Integer.class)
			.single();
		return new DocumentNumber(office.docPrefix() + word + "〔" + year + "〕" + sequence + "号", year, sequence);
	}

	/** A document number and the parts it was made of. */
	public record DocumentNumber(String text, int year, int sequence) {
	}

}

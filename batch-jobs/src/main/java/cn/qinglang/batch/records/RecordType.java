package cn.qinglang.batch.records;

import java.util.Optional;

/**
 * The three record types of the platform reporting interface v1, with their names on the
 * wire.
 */
public enum RecordType {

	LABELING_METRIC("labeling_metric"), COMPLAINT("complaint"), ENFORCEMENT_ACTION("enforcement_action");

	private static final RecordType[] VALUES = values();

	private final String wireName;

	RecordType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<RecordType> ofWireName(String name) {
		for (RecordType type : VALUES) {
			if (type.wireName.equals(name)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}

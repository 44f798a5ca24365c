package cn.qinglang.reports.charts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A named row of values, one per category or point; a null value is a gap.
 */
public record Series(String name, List<Double> values) implements Serializable {

	public Series {
		// an ArrayList, since List.of refuses the nulls that mark gaps and is serialised
		// by a private class
		values = new ArrayList<>(values);
	}

}

package cn.qinglang.inspect.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * Rows of a report as records (or a sealed interface of records, such as
 * {@link ReportLine}), a template field reading the accessor of its name. It pulls one
 * row at a time, so a report over a database stream holds only the row being filled (and
 * the pages the virtualizer keeps).
 */
public final class RecordDataSource<T> implements JRDataSource {

	private final Iterator<T> rows;

	private final Map<String, Method> accessors;

	private T current;

	private RecordDataSource(Class<T> type, Iterator<T> rows) {
		this.rows = rows;
		this.accessors = new HashMap<>();
		for (Method method : type.getMethods()) {
			if (method.getParameterCount() == 0 && method.getReturnType() != void.class
					&& !Modifier.isStatic(method.getModifiers())) {
				this.accessors.put(method.getName(), method);
			}
		}
	}

	public static <T> RecordDataSource<T> of(Class<T> type, Iterable<T> rows) {
		return new RecordDataSource<>(type, rows.iterator());
	}

	/**
	 * Over a stream, e.g. {@code JdbcClient…stream()}: the caller closes it after the
	 * fill.
	 */
	public static <T> RecordDataSource<T> of(Class<T> type, Stream<T> rows) {
		return new RecordDataSource<>(type, rows.iterator());
	}

	@Override
	public boolean next() {
		if (!this.rows.hasNext()) {
			return false;
		}
		this.current = this.rows.next();
		return true;
	}

	@Override
	public Object getFieldValue(JRField field) throws JRException {
		Method accessor = this.accessors.get(field.getName());
		if (accessor == null) {
			throw new JRException("No record component '" + field.getName() + "' for the template's field");
		}
		try {
			return accessor.invoke(this.current);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new JRException("Cannot read '" + field.getName() + "' of a report row", ex);
		}
	}

}

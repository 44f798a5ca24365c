package cn.qinglang.inspect.report.export;

/**
 * Every worker is busy and the queue of waiting exports is full: the user is told to try
 * again later, and nothing is recorded.
 */
public class ExportQueueFullException extends RuntimeException {

	ExportQueueFullException(int capacity) {
		super("The report export queue is full (" + capacity + " waiting)");
	}

}

package cn.qinglang.inspect.rectification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.rectification.RectificationEvents.OrderChanged;

/**
 * Writes each change of an order as a line of its timeline, in the change's transaction
 * (the page shown right after the change lists it).
 */
@Component
class OrderTimeline {

	private final Orders orders;

	OrderTimeline(Orders orders) {
		this.orders = orders;
	}

	@EventListener
	void on(OrderChanged event) {
		this.orders.event(event.orderId(), event.by().name(), event.timelineKind(), event.timelineDetail(), event.at());
	}

}

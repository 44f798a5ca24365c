package cn.qinglang.inspect.rectification;

/**
 * What the office decided besides the measures: formal interview (约谈), order to rectify
 * by a deadline (责令限期改正), warning, fine, removal of the app or service (下架下线).
 */
public enum Disposition {

	INTERVIEW, ORDER_TO_RECTIFY, WARNING, FINE, REMOVAL

}

package cn.qinglang.inspect.rectification;

/**
 * The five core measures of the campaign that every order starts from; their text is in
 * the message bundle (measure.core.*), in the official language of the order.
 */
enum CoreMeasure {

	LABEL_TECHNOLOGY, PUBLICATION_REVIEW, USER_AGREEMENT, TRAINING, EMERGENCY_RESPONSE

}

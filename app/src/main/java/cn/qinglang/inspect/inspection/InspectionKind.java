package cn.qinglang.inspect.inspection;

public enum InspectionKind {

	ON_SITE, REMOTE, LABEL_SPOT_CHECK, COMPLAINT_TRIGGERED

}

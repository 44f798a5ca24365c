package cn.qinglang.inspect.catalog;

public enum Severity {

	LOW, MEDIUM, HIGH, SERIOUS

}

package cn.qinglang.inspect.enterprise;

public enum EnterpriseStatus {

	ACTIVE, SUSPENDED, DEREGISTERED

}

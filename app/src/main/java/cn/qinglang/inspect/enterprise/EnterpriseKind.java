package cn.qinglang.inspect.enterprise;

/**
 * What the labeling Measures oblige an enterprise to do: generation service providers
 * write labels (Art. 4-5), dissemination platforms verify and mark them (Art. 6).
 */
public enum EnterpriseKind {

	GENERATION_PROVIDER, DISSEMINATION_PLATFORM, BOTH

}

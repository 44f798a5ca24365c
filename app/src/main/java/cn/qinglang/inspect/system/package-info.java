/**
 * What every page shares: the layout's model, language switching, the one clock and zone
 * (the configured display zone), paging and the error pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.qinglang.inspect.system;

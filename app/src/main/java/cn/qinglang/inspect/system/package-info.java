/**
 * What every page shares: the layout's model, language switching, time display in
 * Asia/Shanghai, paging and the error pages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.qinglang.inspect.system;

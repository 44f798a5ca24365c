package cn.qinglang.inspect.enterprise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose queries read enterprise data without an {@link EnterpriseScope}:
 * the system's own jobs, or reads by an id that the caller has already found inside the
 * user's scope. Every other class that reads enterprise data asks through an
 * {@link EnterpriseScope}; {@code ScopeByConstructionIT} fails on one that does neither.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Unscoped {

	/** Why the class may read without a scope. */
	String value();

}

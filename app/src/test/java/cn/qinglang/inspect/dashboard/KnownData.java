package cn.qinglang.inspect.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.batch.aggregate.DashboardAggregates;

/**
 * A test class over {@link KnownDataSet}: the data set is in the test context's database
 * (and in its aggregates) before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KnownData.Extension.class)
public @interface KnownData {

	/** Writes the data set once per database, from the test's own Spring context. */
	class Extension implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			ApplicationContext spring = SpringExtension.getApplicationContext(context);
			KnownDataSet.ensure(spring.getBean(JdbcClient.class), spring.getBean(DashboardAggregates.class),
					spring.getBean(TransactionTemplate.class));
		}

	}

}

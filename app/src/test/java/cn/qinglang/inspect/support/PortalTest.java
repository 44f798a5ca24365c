package cn.qinglang.inspect.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal over a throw-away embedded MariaDB with the demo data, on a random
 * port. All tests with this annotation share one context, so one database. MockMvc
 * requests keep their session's cookie in the session object they are given
 * ({@link MockMvcSessionCookies}).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@Import(MockMvcSessionCookies.class)
public @interface PortalTest {

}

package cn.qinglang.inspect.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health is public for load balancers; metrics are for operators with an administrator's
 * credentials.
 */
@PortalTest
class OperatorEndpointsIT {

	@Autowired
	MockMvc mvc;

	@Test
	void healthIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UP")));
	}

	@Test
	void healthShowsAdministratorsTheDatabaseNodeAndTheClusterSizeAndAnonymousVisitorsOnlyTheStatus() throws Exception {
		this.mvc.perform(get("/actuator/health").with(httpBasic("admin", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.databaseNode.status").value("UP"))
			.andExpect(jsonPath("$.components.databaseNode.details.node").value(matchesPattern(".+:\\d+")))
			.andExpect(jsonPath("$.components.databaseNode.details.clusterSize").value(1));
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components").doesNotExist());
	}

	@Test
	void prometheusMetricsAreRefusedToAnonymousAndNonAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("inspector", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void prometheusMetricsAreServedToAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")));
	}

	@Test
	void requestsAreMeasuredWithoutObservingEachSecurityStep() throws Exception {
		this.mvc.perform(get("/login")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests_seconds_count{")))
			.andExpect(content().string(not(containsString("spring_security_"))));
	}

}

package cn.qinglang.inspect.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A file the portal answers with 200, as its bytes. */
public final class Downloads {

	private Downloads() {
	}

	public static byte[] bytes(MockMvc mvc, String url, MockHttpSession session) throws Exception {
		return mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}

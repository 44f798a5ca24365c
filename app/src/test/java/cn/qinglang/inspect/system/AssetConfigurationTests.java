package cn.qinglang.inspect.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The URL of an asset follows its content: a changed file gets a new URL, and the old URL
 * no longer answers (404; a browser holding it keeps its own copy).
 */
class AssetConfigurationTests {

	@TempDir
	Path folder;

	@Test
	void aChangedFileGetsANewUrl() throws Exception {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setLocations(List.of(new FileSystemResource(this.folder.toString() + "/")));
		handler.setResourceResolvers(List.of(AssetConfiguration.contentHashed(), new PathResourceResolver()));
		handler.setCacheControl(AssetConfiguration.HASHED_ASSET);
		handler.setServletContext(new MockServletContext());
		handler.afterPropertiesSet();
		ResourceUrlProvider urls = new ResourceUrlProvider();
		urls.setHandlerMap(Map.of("/assets/**", handler));
		Path file = this.folder.resolve("app.css");

		Files.writeString(file, "body { color: #111; }");
		String before = urls.getForLookupPath("/assets/app.css");
		Files.writeString(file, "body { color: #222; }");
		String after = urls.getForLookupPath("/assets/app.css");

		assertThat(before).matches("/assets/app-[0-9a-f]{32}\\.css");
		assertThat(after).matches("/assets/app-[0-9a-f]{32}\\.css").isNotEqualTo(before);
		MockHttpServletResponse current = serve(handler, after);
		assertThat(current.getStatus()).isEqualTo(200);
		assertThat(current.getContentAsString()).contains("#222");
		assertThat(current.getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThatExceptionOfType(NoResourceFoundException.class).isThrownBy(() -> serve(handler, before));
	}

	private static MockHttpServletResponse serve(ResourceHttpRequestHandler handler, String url) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", url);
		request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, url.substring("/assets/".length()));
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handleRequest(request, response);
		return response;
	}

}

package cn.qinglang.inspect.system;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: a page links its assets by content-hashed URLs, the assets answer with
 * a year's immutable cache life, the page itself is never stored; both go gzipped to a
 * browser that accepts it.
 */
@PortalTest
class AssetCachingIT {

	private static final Pattern ASSET_LINK = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");

	private static final Pattern HASHED = Pattern.compile(".*-[0-9a-f]{32}\\.(css|js|svg)");

	@LocalServerPort
	int port;

	@Test
	void signInPageLinksHashedAssetsCachedForAYearAndIsItselfNotStored() throws Exception {
		PortalClient client = new PortalClient(this.port);
		HttpResponse<String> page = client.get("/login");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		List<String> links = assetLinks(page.body());
		assertThat(links).hasSizeGreaterThanOrEqualTo(4)
			.anyMatch((link) -> link.startsWith("/assets/css/portal-"))
			.anyMatch((link) -> link.startsWith("/webjars/bootstrap/"))
			.allMatch((link) -> HASHED.matcher(link).matches());
		for (String link : links) {
			assertImmutable(client.get(link), link);
		}
	}

	@Test
	void dashboardLinksTheChartLibraryByItsHash() throws Exception {
		PortalClient client = new PortalClient(this.port);
		client.signIn("inspector", SignIn.DEMO_PASSWORD);
		HttpResponse<String> page = client.get("/dashboard");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
		List<String> links = assetLinks(page.body());
		String echarts = links.stream()
			.filter((link) -> link.startsWith("/webjars/echarts/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no echarts link in " + links));
		assertThat(echarts).matches(HASHED);
		assertImmutable(client.get(echarts), echarts);
	}

	@Test
	void anAssetAskedForWithoutItsHashIsStillServed() throws Exception {
		HttpResponse<String> response = new PortalClient(this.port).get("/assets/css/portal.css");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isNotEmpty();
	}

	@Test
	void pagesAndAssetsAreGzippedForBrowsersThatAcceptIt() throws Exception {
		PortalClient client = new PortalClient(this.port);
		client.signIn("inspector", SignIn.DEMO_PASSWORD);
		HttpResponse<byte[]> page = client.getAcceptingGzip("/dashboard");
		String echarts = assetLinks(client.get("/dashboard").body()).stream()
			.filter((link) -> link.startsWith("/webjars/echarts/"))
			.findFirst()
			.orElseThrow();
		HttpResponse<byte[]> script = client.getAcceptingGzip(echarts);

		for (HttpResponse<byte[]> response : List.of(page, script)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
			try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
				assertThat(unzipped.readAllBytes().length).isGreaterThan(3 * response.body().length);
			}
		}
	}

	private static void assertImmutable(HttpResponse<String> asset, String link) {
		assertThat(asset.statusCode()).as(link).isEqualTo(200);
		assertThat(asset.body()).as(link).isNotEmpty();
		String cacheControl = asset.headers().firstValue("Cache-Control").orElse("");
		assertThat(cacheControl).as(link).contains("max-age=31536000").contains("immutable").doesNotContain("no-store");
		assertThat(asset.headers().firstValue("Pragma")).as(link).isEmpty();
		assertThat(asset.headers().firstValue("Expires")).as(link).isEmpty();
	}

	private static List<String> assetLinks(String html) {
		List<String> links = new ArrayList<>();
		Matcher matcher = ASSET_LINK.matcher(html);
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		return links;
	}

}

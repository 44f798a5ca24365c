package cn.qinglang.inspect.feed;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qinglang.batch.feed.FeedJobProperties;
import cn.qinglang.batch.feed.PlatformClient;
import cn.qinglang.batch.feed.Pushes;
import cn.qinglang.batch.feed.UploadFiles;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.FieldSpec;
import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * The platform reporting interface v1.1, for platforms' engineers: push, pull and upload,
 * rendered from the same field specifications that the validation uses, and its limits
 * from the configuration the portal runs with.
 */
@Controller
class FeedInterfaceController {

	private static final String VIEW = "feed/interface";

	private final FeedJobProperties job;

	private final PushProperties push;

	private final DataSize uploadMax;

	FeedInterfaceController(FeedJobProperties job, PushProperties push,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") String uploadMax) {
		this.job = job;
		this.push = push;
		this.uploadMax = DataSize.parse(uploadMax);
	}

	@GetMapping("/feeds/interface")
	String show(Model model) {
		Map<RecordType, List<FieldSpec>> fields = new LinkedHashMap<>();
		for (RecordType type : RecordType.values()) {
			fields.put(type, PlatformInterface.fields(type));
		}
		model.addAttribute("commonFields", PlatformInterface.commonFields());
		model.addAttribute("fields", fields);
		model.addAttribute("categories", ComplaintCategory.values());
		model.addAttribute("reasons", RejectReason.values());
		model.addAttribute("recordTypes", Arrays.asList(RecordType.values()));
		model.addAttribute("maxPageSize", PlatformInterface.MAX_PAGE_SIZE);
		model.addAttribute("pageSize", this.job.pageSize());
		model.addAttribute("chunkSize", this.job.chunkSize());
		model.addAttribute("timeoutSeconds", this.job.requestTimeout().toSeconds());
		model.addAttribute("retries", this.job.retries());
		model.addAttribute("attempts", this.job.retries() + 1);
		model.addAttribute("retryDelays", retryDelays(this.job.retries(), this.job.retryDelay()));
		model.addAttribute("pushMaxRecords", Pushes.MAX_RECORDS);
		model.addAttribute("pushMaxMb", this.push.maxRequestSize().toMegabytes());
		model.addAttribute("requestsPerMinute", this.push.requestsPerMinute());
		model.addAttribute("failuresPerMinute", this.push.failuresPerMinute());
		model.addAttribute("uploadMaxMb", this.uploadMax.toMegabytes());
		model.addAttribute("lineBytes", UploadFiles.MAX_LINE_BYTES);
		return VIEW;
	}

	/**
	 * The waits before the pull's retries, in seconds, as its retry policy makes them.
	 */
	static String retryDelays(int retries, Duration first) {
		return String.join(", ",
				PlatformClient.retryDelays(retries, first)
					.stream()
					.map((delay) -> BigDecimal.valueOf(delay.toMillis(), 3).stripTrailingZeros().toPlainString())
					.toList());
	}

}

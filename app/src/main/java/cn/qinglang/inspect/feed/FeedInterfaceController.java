package cn.qinglang.inspect.feed;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.FieldSpec;
import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * The platform reporting interface v1, for platforms' engineers: rendered from the same
 * field specifications that the validation uses.
 */
@Controller
class FeedInterfaceController {

	private static final String VIEW = "feed/interface";

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
		return VIEW;
	}

}

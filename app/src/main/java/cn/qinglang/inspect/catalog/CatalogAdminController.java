package cn.qinglang.inspect.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * ADMIN: the catalog of typical issues; items are added and retired, never deleted.
 */
@RetryOnConflict
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminController {

	private static final String VIEW_LIST = "catalog/list";

	private final CatalogItems items;

	private final AuditLog auditLog;

	private final Clock clock;

	CatalogAdminController(CatalogItems items, AuditLog auditLog, Clock clock) {
		this.clock = clock;
		this.items = items;
		this.auditLog = auditLog;
	}

	@GetMapping
	String list(Model model) {
		return show(model, CatalogItemForm.empty());
	}

	@PostMapping
	@Transactional
	String add(@Valid @ModelAttribute("form") CatalogItemForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("code") && this.items.codeTaken(form.code())) {
			result.rejectValue("code", "catalog.code.taken");
		}
		if (result.hasErrors()) {
			return show(model, form);
		}
		long id = this.items.insert(form);
		this.auditLog.record(AuditEvent.change("CATALOG_ITEM_ADDED", "catalog_item", id, null,
				Map.of("code", form.code(), "titleZh", form.titleZh(), "legalBasis", form.legalBasis())));
		redirect.addFlashAttribute("message", "catalog.added");
		return "redirect:/admin/catalog";
	}

	@PostMapping("/{id}/retire")
	@Transactional
	String retire(@PathVariable long id, RedirectAttributes redirect) {
		CatalogItem item = this.items.find(id).orElseThrow(NotFound::new);
		this.items.retire(id, Instant.now(this.clock));
		this.auditLog.record(AuditEvent.of("CATALOG_ITEM_RETIRED", "catalog_item", item.code()));
		redirect.addFlashAttribute("message", "catalog.retired");
		return "redirect:/admin/catalog";
	}

	private String show(Model model, CatalogItemForm form) {
		model.addAttribute("items", this.items.all());
		model.addAttribute("form", form);
		model.addAttribute("severities", Severity.values());
		return VIEW_LIST;
	}

}

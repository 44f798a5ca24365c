package cn.qinglang.inspect.bulletin;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportRecipe;
import cn.qinglang.inspect.security.PortalUser;

/**
 * A published bulletin's document, by its id, for a user whose jurisdiction has it.
 */
@Component
class BulletinRecipe implements ReportRecipe {

	private final BulletinService bulletins;

	private final BulletinReport report;

	BulletinRecipe(BulletinService bulletins, BulletinReport report) {
		this.bulletins = bulletins;
		this.report = report;
	}

	@Override
	public String name() {
		return "bulletin";
	}

	Request of(Bulletin bulletin) {
		return with(Map.of("id", String.valueOf(bulletin.id())));
	}

	@Override
	public Optional<ReportDocument> document(PortalUser user, Map<String, String> parameters) {
		return this.bulletins.find(user, Long.parseLong(parameters.get("id"))).map(this.report::document);
	}

}

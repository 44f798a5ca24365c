package cn.qinglang.inspect.labelcheck;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.InspectionKind;
import cn.qinglang.inspect.inspection.InspectionPanel;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The spot checks on a spot-check inspection's page: its runs, and the upload form while
 * it is open.
 */
@Component
class SpotCheckPanel implements InspectionPanel {

	private final SpotChecks spotChecks;

	private final Enterprises enterprises;

	private final LabelCheckProperties properties;

	SpotCheckPanel(SpotChecks spotChecks, Enterprises enterprises, LabelCheckProperties properties) {
		this.spotChecks = spotChecks;
		this.enterprises = enterprises;
		this.properties = properties;
	}

	@Override
	public Optional<View> view(Inspection inspection, PortalUser user) {
		List<SpotChecks.Run> runs = this.spotChecks.runs(inspection.id());
		boolean spotCheck = inspection.kind() == InspectionKind.LABEL_SPOT_CHECK;
		if (!spotCheck && runs.isEmpty()) {
			return Optional.empty();
		}
		// samples from a dissemination platform must carry its propagation fields
		boolean platform = this.enterprises.find(EnterpriseScope.of(user), inspection.enterpriseId())
			.map((enterprise) -> enterprise.kind() != EnterpriseKind.GENERATION_PROVIDER)
			.orElse(false);
		return Optional.of(new View("labelcheck/panel",
				new Data(inspection.id(), runs, spotCheck && inspection.open() && user.hasRole("INSPECTOR"), platform,
						this.properties.maxFiles(), this.properties.maxFileSize().toMegabytes())));
	}

	/**
	 * @param canCheck whether the upload form is shown
	 * @param viaPlatformDefault whether "samples from a platform" starts ticked
	 */
	record Data(long inspectionId, List<SpotChecks.Run> runs, boolean canCheck, boolean viaPlatformDefault,
			int maxFiles, long maxFileSizeMb) {
	}

}

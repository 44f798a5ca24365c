package cn.qinglang.inspect.inspection;

import java.util.Optional;

import cn.qinglang.inspect.security.PortalUser;

/**
 * A section that another module adds to an inspection's page (the label spot checks of a
 * spot-check inspection), so that this module need not know it.
 */
public interface InspectionPanel {

	/** What to show for this inspection and user, or empty for nothing. */
	Optional<View> view(Inspection inspection, PortalUser user);

	/**
	 * @param template a template with a fragment {@code panel(data)}
	 * @param data what the fragment shows
	 */
	record View(String template, Object data) {
	}

}

package cn.qinglang.batch.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This process as the owner of feed runs. Its id is new at each start, so that a node
 * restarted after a crash never beats the heartbeat of the runs its former self left.
 *
 * @param id the name written in the runs it owns
 * @param running the runs whose job runs in this process now: only their heartbeat is
 * beaten, so that a run whose job ended without a word (its last updates lost with the
 * database's connection) is taken over like a dead node's
 */
public record FeedNode(String id, Set<Long> running) {

	/**
	 * A node of the given name (null or blank: the host name), its process and a random
	 * suffix.
	 */
	static FeedNode named(String name) {
		String host = name;
		if (host == null || host.isBlank()) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "node";
			}
		}
		byte[] suffix = new byte[3];
		ThreadLocalRandom.current().nextBytes(suffix);
		String id = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(suffix);
		return new FeedNode((id.length() > 100) ? id.substring(id.length() - 100) : id, ConcurrentHashMap.newKeySet());
	}

}

package cn.qinglang.inspect.system;

/**
 * Work that readies the portal for its first users after a start (caches, the buffer
 * pool, engines that load slowly). The portal runs every enabled warm-up once it has
 * started, one after the other on one background thread, so that they never take both
 * cores from the first requests; a warm-up logs its own failure, which is never fatal.
 */
public interface WarmUp {

	boolean enabled();

	void run();

}

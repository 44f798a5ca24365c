/**
 * Files kept in the database, so that every portal node of a cluster reads them and
 * Galera replicates them with the rows that refer to them: content-addressed by SHA-256
 * (SM3 computed beside it), cut into chunks written each in a short transaction of its
 * own, read back chunk by chunk. Evidence, spot-check samples, finished exports and
 * uploaded feed files are kept here ({@link cn.qinglang.inspect.files.Blobs}); the owner
 * of each decides when its file may go, and the database refuses to delete one that
 * something still refers to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.qinglang.inspect.files;

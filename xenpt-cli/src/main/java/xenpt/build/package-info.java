/** What xenpt knows about its own build: the version and commit that {@code --version} prints and outputs record. */
package xenpt.build;

// Prints the configuration names Kafka itself defines, as JSON: {"broker": [...], "topic": [...], ...}.
// Run with the Kafka jars on the classpath (single-file source launch):
//   java -cp '.cache/kafka-X/libs/*' scripts/examples/ConfigNames.java
// For each class it unions every static ConfigDef field and every static method returning a ConfigDef
// (no argument, or one argument that the parameter's class offers as a static constant),
// plus static no-argument configNames() methods. "Class#member" restricts a class to one member.
import java.lang.reflect.*;
import java.util.*;

public class ConfigNames {
  static final Map<String, String[]> KINDS = new LinkedHashMap<>();
  static {
    KINDS.put("broker", new String[] {"kafka.server.KafkaConfig", "org.apache.kafka.server.config.AbstractKafkaConfig"});
    KINDS.put("topic", new String[] {"org.apache.kafka.storage.internals.log.LogConfig#configNames"});
    KINDS.put("producer", new String[] {"org.apache.kafka.clients.producer.ProducerConfig"});
    KINDS.put("consumer", new String[] {"org.apache.kafka.clients.consumer.ConsumerConfig"});
    KINDS.put("admin", new String[] {"org.apache.kafka.clients.admin.AdminClientConfig"});
    KINDS.put("connect", new String[] {"org.apache.kafka.connect.runtime.WorkerConfig",
        "org.apache.kafka.connect.runtime.distributed.DistributedConfig",
        "org.apache.kafka.connect.runtime.standalone.StandaloneConfig",
        "org.apache.kafka.connect.runtime.ConnectorConfig",
        "org.apache.kafka.connect.runtime.SinkConnectorConfig",
        "org.apache.kafka.connect.runtime.SourceConnectorConfig"});
    KINDS.put("streams", new String[] {"org.apache.kafka.streams.StreamsConfig"});
    KINDS.put("mirrormaker", new String[] {"org.apache.kafka.connect.mirror.MirrorMakerConfig",
        "org.apache.kafka.connect.mirror.MirrorConnectorConfig",
        "org.apache.kafka.connect.mirror.MirrorSourceConfig",
        "org.apache.kafka.connect.mirror.MirrorCheckpointConfig",
        "org.apache.kafka.connect.mirror.MirrorHeartbeatConfig"});
  }

  static final Class<?> CONFIG_DEF = load("org.apache.kafka.common.config.ConfigDef");

  static Class<?> load(String name) {
    try { return Class.forName(name); } catch (ClassNotFoundException e) { throw new RuntimeException(e); }
  }

  @SuppressWarnings("unchecked")
  static void collect(Object value, Set<String> out) throws Exception {
    if (value == null) return;
    if (CONFIG_DEF.isInstance(value)) out.addAll((Set<String>) CONFIG_DEF.getMethod("names").invoke(value));
    else if (value instanceof Collection<?> c) for (Object o : c) out.add(String.valueOf(o));
    else if (value instanceof scala.collection.Iterable<?> s) s.foreach(o -> out.add(String.valueOf(o)));
  }

  static Object argFor(Class<?> type) throws Exception {
    for (Field f : type.getFields()) if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) return f.get(null);
    return null;
  }

  static Set<String> names(String spec) throws Exception {
    Set<String> out = new TreeSet<>();
    String className = spec.split("#")[0];
    String only = spec.contains("#") ? spec.split("#")[1] : null; // "Class#member": just that member
    Class<?> c = load(className);
    for (Field f : c.getDeclaredFields()) {
      if (only != null && !f.getName().equals(only)) continue;
      if (Modifier.isStatic(f.getModifiers()) && CONFIG_DEF.isAssignableFrom(f.getType())) {
        f.setAccessible(true);
        collect(f.get(null), out);
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isStatic(m.getModifiers()) || (only != null && !m.getName().equals(only))) continue;
      boolean def = CONFIG_DEF.isAssignableFrom(m.getReturnType());
      boolean list = m.getName().equals("configNames") && m.getParameterCount() == 0;
      if (!def && !list) continue;
      Object[] args = new Object[m.getParameterCount()];
      if (args.length > 1) continue;
      if (args.length == 1 && (args[0] = argFor(m.getParameterTypes()[0])) == null) continue;
      m.setAccessible(true);
      collect(m.invoke(null, args), out);
    }
    if (out.isEmpty()) throw new IllegalStateException("no config names found in " + className);
    return out;
  }

  public static void main(String[] argv) throws Exception {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String[]> kind : KINDS.entrySet()) {
      Set<String> all = new TreeSet<>();
      for (String cls : kind.getValue()) all.addAll(names(cls));
      if (sb.length() > 1) sb.append(',');
      sb.append("\n  \"").append(kind.getKey()).append("\": [");
      int k = 0;
      for (String n : all) sb.append(k++ == 0 ? "" : ", ").append('"').append(n.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      sb.append(']');
    }
    System.out.println(sb.append("\n}"));
  }
}

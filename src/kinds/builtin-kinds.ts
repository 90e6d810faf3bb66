import { didYouMean, nearSpelling } from "../suggest.js";

/**
 * The layer kinds a spec may use. Each maps to one colour family in every diagram and theme
 * (see palette.ts), so a hypervisor looks like a hypervisor wherever it appears.
 */
export const KINDS = [
  "hardware", // CPUs, boards, NICs, disks
  "firmware", // UEFI/BIOS, microcode
  "hypervisor", // VMkernel, Microsoft hypervisor, Xen, KVM as the virtualization layer
  "vmm", // user-space virtual machine monitors: QEMU, Firecracker, VMX processes
  "kernel", // an OS kernel and its features: Linux, namespaces, cgroups
  "os", // a whole operating system (kernel + user land) or its user land
  "runtime", // container engines and runtimes: dockerd, containerd, runc
  "vm", // a virtual machine, partition or domain
  "container", // a container or pod
  "sandbox", // user-space kernels and other sandboxes: gVisor
  "libs", // bins and libraries packaged with an app
  "app", // the workload
  "service", // daemons and agents beside the workload: management, proxies, CLIs
] as const;

export type Kind = (typeof KINDS)[number];

/** How the legend names each kind: what a reader needs to decode the colour and the outline. */
export const KIND_NAMES: Record<Kind, string> = {
  hardware: "hardware",
  firmware: "firmware",
  hypervisor: "hypervisor",
  vmm: "VM monitor (user space)",
  kernel: "kernel",
  os: "operating system",
  runtime: "container engine / runtime",
  vm: "VM (hardware-isolated)",
  container: "container (namespaces, cgroups)",
  sandbox: "sandbox (application kernel)",
  libs: "binaries and libraries",
  app: "application",
  service: "service, agent or client",
};

/**
 * Words people reach for that name a kind by another name: an unknown kind that is one of
 * these is answered with the kind it means ("lxc" → container), not just the nearest spelling.
 */
export const KIND_SYNONYMS: Record<string, Kind> = {
  lxc: "container",
  pod: "container",
  docker: "runtime",
  containerd: "runtime",
  engine: "runtime",
  daemon: "service",
  agent: "service",
  process: "service",
  cli: "service",
  guest: "os",
  "guest-os": "os",
  qemu: "vmm",
  partition: "vm",
  domain: "vm",
  microvm: "vm",
  kvm: "hypervisor",
  gvisor: "sandbox",
  bios: "firmware",
  uefi: "firmware",
  cpu: "hardware",
  library: "libs",
  workload: "app",
};

/**
 * "; did you mean ..." for an unknown kind: a declared kind of nearly that spelling first, then
 * the kind a synonym means ("lxc" → container), else the nearest spelling of all `known` kinds.
 */
export function kindHint(word: string, known: readonly string[] = KINDS): string {
  const declared = nearSpelling(word, known.filter((k) => !(KINDS as readonly string[]).includes(k)));
  if (declared) return `; did you mean "${declared}"?`;
  const meant = KIND_SYNONYMS[word.toLowerCase()];
  return meant ? `; did you mean "${meant}"?` : didYouMean(word, known);
}

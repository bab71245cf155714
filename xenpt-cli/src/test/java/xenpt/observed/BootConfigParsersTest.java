package xenpt.observed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import xenpt.desired.PciAddress;
import xenpt.format.hide.HideList;

class BootConfigParsersTest {

    @Test
    void xcpng82SerialGrubHasFiveEntriesAndDefaultZero() {
        BootConfig b = GrubConfig.parse("/boot/grub/grub.cfg", Samples.read("grub-xcpng82-serial.cfg"));
        assertThat(b.format()).isEqualTo(BootConfig.Format.GRUB);
        assertThat(b.entries()).extracting(BootConfig.Entry::title).containsExactly(
                "XCP-ng", "XCP-ng (Serial)", "XCP-ng in Safe Mode",
                "XCP-ng (Xen 4.13.1 / Linux 4.19.0+1)", "XCP-ng (Serial, Xen 4.13.1 / Linux 4.19.0+1)");
        assertThat(b.defaultIndex()).isZero();
        assertThat(b.entries().get(0).dom0Args()).isEqualTo(
                "root=LABEL=root-vgdorj ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles");
        assertThat(b.entries().get(2).dom0Args()).startsWith("earlyprintk=xen ");
        assertThat(b.hide()).isEqualTo(HideList.ABSENT);
    }

    @Test
    void wintermuteEntryHidesBothDevicesInShortForm() {
        BootConfig b = GrubConfig.parse("/boot/grub/grub.cfg", Samples.read("grub-wintermute-hidden.cfg"));
        assertThat(b.entries()).hasSize(1);
        assertThat(b.hide().present()).isTrue();
        assertThat(b.hide().valid()).isTrue();
        assertThat(b.hide().raw()).isEqualTo("(0e:00.0)(01:03.0)");
        assertThat(b.hide().devices()).containsExactly(PciAddress.parse("01:03.0"), PciAddress.parse("0e:00.0"));
    }

    @Test
    void uefiGrubEntryIsReadTheSameWay() {
        BootConfig b = GrubConfig.parse("/boot/efi/EFI/xenserver/grub.cfg", Samples.read("grub-xs70-uefi.cfg"));
        assertThat(b.hide().devices()).containsExactly(PciAddress.parse("00:11.4"), PciAddress.parse("00:1f.2"));
        assertThat(b.path()).isEqualTo("/boot/efi/EFI/xenserver/grub.cfg");
    }

    @Test
    void defaultByTitleAndOverrideVariableIsIgnored() {
        String cfg = """
                set default='Second'
                if [ -n "$override_entry" ]; then
                \tset default=$override_entry
                fi
                menuentry 'First' {
                \tmultiboot2 /boot/xen.gz
                \tmodule2 /boot/vmlinuz root=x
                }
                menuentry "Second" --class xen {
                \txen_hypervisor /boot/xen.efi dom0_mem=1G
                \txen_module /boot/vmlinuz root=y xen-pciback.hide=(0000:02:00.0)
                \txen_module /boot/initrd.img xen-pciback.hide=(0000:03:00.0)
                }
                """;
        BootConfig b = GrubConfig.parse("/boot/efi/EFI/xenserver/grub.cfg", cfg);
        assertThat(b.defaultIndex()).isEqualTo(1);
        assertThat(b.entries().get(1).dom0Args()).isEqualTo("root=y xen-pciback.hide=(0000:02:00.0)");
        assertThat(b.hide().devices()).containsExactly(PciAddress.parse("02:00.0"));
    }

    @Test
    void moduleLineBeforeHypervisorLineIsNotTheDom0Kernel() {
        String cfg = "menuentry 'odd' {\n module2 /boot/a xen-pciback.hide=(01:00.0)\n multiboot2 /boot/xen.gz\n module2 /boot/k ro\n}\n";
        BootConfig b = GrubConfig.parse("g", cfg);
        assertThat(b.entries().get(0).dom0Args()).isEqualTo("ro");
        assertThat(b.hide()).isEqualTo(HideList.ABSENT);
    }

    @Test
    void hostileGrubTextGivesNoEntriesRatherThanAnError() {
        for (String junk : new String[] {"", "}\n}\n", "menuentry\n", "set default=99\nmenuentry 'a' {\n", "\u0000\uffff menuentry '"}) {
            BootConfig b = GrubConfig.parse("g", junk);
            assertThat(b.defaultIndex()).isBetween(0, Math.max(0, b.entries().size() - 1));
        }
        BootConfig unterminated = GrubConfig.parse("g", "set default=99\nmenuentry 'a' {\n multiboot2 x\n module2 k a=b\n");
        assertThat(unterminated.entries()).hasSize(1);
        assertThat(unterminated.defaultIndex()).isZero();
    }

    @Test
    void extlinuxDom0ArgsAreBetweenTheMarkers() {
        BootConfig b = ExtlinuxConfig.parse("/boot/extlinux.conf", Samples.read("extlinux-xs60.conf"));
        assertThat(b.format()).isEqualTo(BootConfig.Format.EXTLINUX);
        assertThat(b.entries()).extracting(BootConfig.Entry::title).containsExactly("xe", "xe-serial");
        assertThat(b.defaultIndex()).isZero();
        assertThat(b.entries().get(0).dom0Args()).isEqualTo(
                "root=LABEL=root-tfnnfzfp ro xencons=hvc com2=115200,8n1 console=com2 console=hvc0 console=tty0 quiet vga=785 splash");
        assertThat(b.hide()).isEqualTo(HideList.ABSENT);
    }

    @Test
    void extlinuxDefaultLabelAndHideList() {
        String conf = "default xe-serial\nlabel xe\n  append /boot/xen.gz --- /boot/vmlinuz-3.10-xen ro --- /boot/initrd\n"
                + "label xe-serial\n  append /boot/xen.gz a=b --- /boot/vmlinuz-3.10-xen ro xen-pciback.hide=(0000:04:01.0) --- /boot/initrd\n";
        BootConfig b = ExtlinuxConfig.parse("/boot/extlinux.conf", conf);
        assertThat(b.defaultIndex()).isEqualTo(1);
        assertThat(b.hide().devices()).containsExactly(PciAddress.parse("0000:04:01.0"));
        assertThat(ExtlinuxConfig.dom0Args("/boot/xen.gz no markers")).isEmpty();
    }
}

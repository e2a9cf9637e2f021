// oxlint-disable-next-line import/no-unassigned-import -- registers the matchers on jest's expect
import 'faultline/testing/jest';
